import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LicenceReading, PlateKind } from '@bianmin/core';
import { callFunction, toApiError } from '../../../api';
import { Button, Card, CardTitle, Choices, Field, FieldError, Fineprint, Notice, Page, PageBody, PageHeader } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { checkPlate, engineSuffix, engineSuffixProblem, plateKindLabel, plateKindProblem } from '../../shared/format';
import { violationsUrl } from '../../flow';
import { pickPhoto } from '../../shared/pick-photo';
import { uploadPhoto } from '../../shared/storage';
import type { WxFailure } from '../../../privacy/refusal';
import { RefusalNotice } from '../../../privacy/refusal-notice';
import '../../shared/traffic.css';
import './index.css';

type Field = 'plate' | 'plateKind' | 'engineNoSuffix' | 'label' | 'fileId';
type Errors = Partial<Record<Field, string>>;
const FIELDS: Field[] = ['plate', 'plateKind', 'engineNoSuffix', 'label', 'fileId'];
const LABEL_MAX = 12;

export default function AddVehicle() {
  const [plate, setPlate] = useState('');
  const [kind, setKind] = useState<PlateKind | null>(null);
  const [engine, setEngine] = useState('');
  const [label, setLabel] = useState('');
  const [refused, setRefused] = useState<WxFailure | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [reading, setReading] = useState<'upload' | 'read' | null>(null);
  const [read, setRead] = useState<LicenceReading | null>(null);
  const refusal = useRefusal();

  const check = checkPlate(plate);
  // Blue or yellow cannot be read from the characters: asked only then (core's parsePlate says when).
  const choices = check.choices;

  const showErrors = (e: unknown) => {
    const err = toApiError(e);
    const fields = err.fields ?? {};
    const mapped: Errors = {};
    for (const f of FIELDS) if (fields[f]) mapped[f] = fields[f];
    if (Object.keys(mapped).length > 0) setErrors(mapped);
    // A wrong engine suffix and an unknown plate get the same answer (NOT_FOUND): said in full above the form.
    if (Object.keys(mapped).length === 0 || err.code !== 'INVALID_INPUT') setFormError(err.message);
  };

  const byPhoto = async () => {
    if (reading) return;
    setFormError(null);
    setErrors({});
    setRefused(null);
    const picked = await pickPhoto();
    if (picked.kind !== 'picked') {
      setRefused(picked);
      return;
    }
    try {
      setReading('upload');
      const fileId = await uploadPhoto(picked.path);
      setReading('read');
      const { reading: r } = await callFunction('traffic', { action: 'readLicence', fileId });
      setRead(r);
      setPlate(r.plate);
      setKind(r.plateKind);
      setEngine(r.engineNoSuffix);
    } catch (e) {
      if (!refusal.handle(e)) showErrors(e);
    } finally {
      setReading(null);
    }
  };

  const submit = async () => {
    if (submitting) return;
    const next: Errors = {
      plate: check.problem ?? undefined,
      plateKind: check.plate && !check.kind ? (kind ? (plateKindProblem(plate, kind) ?? undefined) : '请选择号牌种类（看车牌底色：蓝牌或黄牌）') : undefined,
      engineNoSuffix: engineSuffixProblem(engine) ?? undefined,
      label: Array.from(label.trim()).length > LABEL_MAX ? `备注名最多 ${LABEL_MAX} 个字` : undefined,
    };
    setErrors(next);
    setFormError(null);
    if (next.plate || next.plateKind || next.engineNoSuffix || next.label || !check.plate) return;
    setSubmitting(true);
    try {
      const { vehicle } = await callFunction('traffic', {
        action: 'addVehicle',
        plate: check.plate,
        ...(check.kind ? {} : kind ? { plateKind: kind } : {}),
        engineNoSuffix: engineSuffix(engine),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      void Taro.showToast({ title: '已添加', icon: 'success' });
      await Taro.redirectTo({ url: violationsUrl(vehicle.vehicleId) });
    } catch (e) {
      if (!refusal.handle(e)) showErrors(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page className='bm-traffic-add' overlay={refusal.sheet}>
      <PageHeader title='添加车辆' subtitle='拍行驶证自动填写，或手动输入；交警会核对号牌与发动机号后六位' />
      <PageBody>
        {formError ? (
          <Notice tone='error' title='没有添加成功' className='bm-traffic-add__form-error'>
            {formError}
          </Notice>
        ) : null}

        <Card className='bm-traffic-add__photo'>
          <CardTitle>拍行驶证</CardTitle>
          <Fineprint>拍摄行驶证正页（主页），自动识别号牌号码和发动机号，识别后请核对。</Fineprint>
          <Button className='bm-traffic-add__by-photo' variant='secondary' onPress={byPhoto} busy={reading !== null} label={reading === 'upload' ? '正在上传照片' : reading === 'read' ? '正在识别行驶证' : '拍照识别行驶证，拍照或从相册选择'}>
            {reading === 'upload' ? '正在上传照片…' : reading === 'read' ? '正在识别行驶证…' : '拍照识别行驶证'}
          </Button>
          <RefusalNotice failure={refused} className='bm-traffic-add__photo-refused' />
          {errors.fileId ? <FieldError className='bm-traffic-add__photo-error' text={errors.fileId} /> : null}
          {read ? (
            <Notice tone='info' title='已识别，请核对下面的信息' className='bm-traffic-add__read'>
              {`${read.vehicleType}${read.owner ? ` · 所有人 ${read.owner}` : ''}${read.registerDate ? ` · 注册日期 ${read.registerDate}` : ''}${read.warnings.length ? `\n${read.warnings.join('；')}` : ''}`}
            </Notice>
          ) : null}
        </Card>

        <Card>
          <Field
            label='号牌号码'
            value={plate}
            maxlength={16}
            placeholder='如 粤B12345'
            error={errors.plate}
            inputClassName='bm-traffic-add__plate'
            errorClassName='bm-traffic-add__plate-error'
            hint={check.plate ? `将提交为 ${check.plate}${check.kind ? `（${plateKindLabel(check.kind)}）` : ''}` : '大小写、全角字符和空格都可以，会自动整理'}
            onInput={(v) => {
              setPlate(v);
              if (errors.plate || errors.plateKind) setErrors((er) => ({ ...er, plate: undefined, plateKind: undefined }));
            }}
            onBlur={() => {
              if (plate) setErrors((er) => ({ ...er, plate: checkPlate(plate).problem ?? undefined }));
            }}
          />

          {choices.length > 0 ? (
            <View className='bm-traffic-add__kind'>
              <Text className='bm-field__label'>号牌种类</Text>
              <Choices
                label='号牌种类'
                name='kind'
                className='bm-traffic-add__kinds'
                choices={choices.map((k) => ({ value: k, text: plateKindLabel(k) }))}
                value={kind}
                onChange={(k) => {
                  setKind(k);
                  setErrors((er) => ({ ...er, plateKind: undefined }));
                }}
              />
              {errors.plateKind ? <FieldError className='bm-traffic-add__kind-error' text={errors.plateKind} /> : <Fineprint>这个号牌蓝牌、黄牌都可能，请按车牌底色选择</Fineprint>}
            </View>
          ) : null}

          <Field
            label='发动机号后六位'
            value={engine}
            maxlength={6}
            placeholder='见行驶证“发动机号码”栏'
            error={errors.engineNoSuffix}
            inputClassName='bm-traffic-add__engine'
            errorClassName='bm-traffic-add__engine-error'
            hint='交警用它核实您是这辆车的车主或使用人'
            onInput={(v) => {
              setEngine(v);
              if (errors.engineNoSuffix) setErrors((er) => ({ ...er, engineNoSuffix: undefined }));
            }}
            onConfirm={() => void submit()}
          />

          <Field
            label='备注名（选填）'
            value={label}
            maxlength={LABEL_MAX}
            placeholder='如：我的车、家里的车'
            error={errors.label}
            inputClassName='bm-traffic-add__label'
            onInput={(v) => {
              setLabel(v);
              if (errors.label) setErrors((er) => ({ ...er, label: undefined }));
            }}
          />
        </Card>

        <Button className='bm-traffic-add__submit' onPress={submit} busy={submitting} label={submitting ? '正在向交警核实' : '添加车辆'}>
          {submitting ? '正在向交警核实…' : '添加车辆'}
        </Button>
        <Fineprint className='bm-traffic-add__privacy'>号牌只用于查询违法记录和缴纳罚款；页面上只显示部分号牌，点按才显示完整号牌。</Fineprint>
      </PageBody>
    </Page>
  );
}

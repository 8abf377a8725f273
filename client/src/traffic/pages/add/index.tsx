import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LicenceReading, PlateKind } from '@bianmin/core';
import { callFunction, toApiError } from '../../../api';
import { Button, Card, CardTitle, Notice, Page, PageHeader, pressable } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { checkPlate, engineSuffix, engineSuffixProblem, plateKindLabel, plateKindProblem } from '../../shared/format';
import { violationsUrl } from '../../shared/nav';
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
    <Page className='bm-traffic-page bm-traffic-add' overlay={refusal.sheet}>
      <PageHeader title='添加车辆' subtitle='拍行驶证自动填写，或手动输入；交警会核对号牌与发动机号后六位' />
      <View className='bm-traffic-body'>
        {formError ? (
          <Notice tone='error' title='没有添加成功' className='bm-traffic-add__form-error'>
            {formError}
          </Notice>
        ) : null}

        <Card className='bm-traffic-add__photo'>
          <CardTitle>拍行驶证</CardTitle>
          <Text className='bm-traffic-field__hint'>拍摄行驶证正页（主页），自动识别号牌号码和发动机号，识别后请核对。</Text>
          <Button className='bm-traffic-add__by-photo' variant='secondary' onPress={byPhoto} busy={reading !== null} label='拍照或从相册选择行驶证照片'>
            {reading === 'upload' ? '正在上传照片…' : reading === 'read' ? '正在识别行驶证…' : '拍照识别行驶证'}
          </Button>
          <RefusalNotice failure={refused} className='bm-traffic-add__photo-refused' />
          {errors.fileId ? (
            <View className='bm-traffic-field__error bm-traffic-field__error--photo' role='alert' ariaRole='alert'>
              {errors.fileId}
            </View>
          ) : null}
          {read ? (
            <Notice tone='info' title='已识别，请核对下面的信息' className='bm-traffic-add__read'>
              {`${read.vehicleType}${read.owner ? ` · 所有人 ${read.owner}` : ''}${read.registerDate ? ` · 注册日期 ${read.registerDate}` : ''}${read.warnings.length ? `\n${read.warnings.join('；')}` : ''}`}
            </Notice>
          ) : null}
        </Card>

        <Card>
          <View className={`bm-traffic-field bm-traffic-field--plate ${errors.plate ? 'bm-traffic-field--invalid' : ''}`}>
            <Text className='bm-traffic-field__label'>号牌号码</Text>
            <Input
              className='bm-traffic-field__input bm-traffic-add__plate'
              type='text'
              value={plate}
              maxlength={16}
              placeholder='如 粤B12345'
              placeholderClass='bm-traffic-field__placeholder'
              ariaLabel='号牌号码'
              nativeProps={{ 'aria-label': '号牌号码', autoComplete: 'off', 'aria-invalid': errors.plate ? 'true' : 'false' }}
              onInput={(e) => {
                setPlate(e.detail.value);
                if (errors.plate || errors.plateKind) setErrors((er) => ({ ...er, plate: undefined, plateKind: undefined }));
              }}
              onBlur={() => {
                if (plate) setErrors((er) => ({ ...er, plate: checkPlate(plate).problem ?? undefined }));
              }}
            />
            {errors.plate ? (
              <View className='bm-traffic-field__error bm-traffic-field__error--plate' role='alert' ariaRole='alert'>
                {errors.plate}
              </View>
            ) : (
              <Text className='bm-traffic-field__hint'>
                {check.plate ? `将提交为 ${check.plate}${check.kind ? `（${plateKindLabel(check.kind)}）` : ''}` : '大小写、全角字符和空格都可以，会自动整理'}
              </Text>
            )}
          </View>

          {choices.length > 0 ? (
            <View className={`bm-traffic-field bm-traffic-field--kind ${errors.plateKind ? 'bm-traffic-field--invalid' : ''}`}>
              <Text className='bm-traffic-field__label'>号牌种类</Text>
              <View className='bm-traffic-chips' role='radiogroup' ariaRole='radiogroup' ariaLabel='号牌种类'>
                {choices.map((k) => (
                  <View
                    key={k}
                    className={`bm-traffic-chip bm-focusable ${kind === k ? 'bm-traffic-chip--on' : ''}`}
                    {...pressable(() => {
                      setKind(k);
                      setErrors((er) => ({ ...er, plateKind: undefined }));
                    }, { role: 'radio' })}
                    aria-checked={kind === k}
                    ariaLabel={plateKindLabel(k)}
                    data-kind={k}
                    hoverClass='bm-traffic-pressed'
                  >
                    {plateKindLabel(k)}
                  </View>
                ))}
              </View>
              {errors.plateKind ? (
                <View className='bm-traffic-field__error bm-traffic-field__error--kind' role='alert' ariaRole='alert'>
                  {errors.plateKind}
                </View>
              ) : (
                <Text className='bm-traffic-field__hint'>这个号牌蓝牌、黄牌都可能，请按车牌底色选择</Text>
              )}
            </View>
          ) : null}

          <View className={`bm-traffic-field bm-traffic-field--engine ${errors.engineNoSuffix ? 'bm-traffic-field--invalid' : ''}`}>
            <Text className='bm-traffic-field__label'>发动机号后六位</Text>
            <Input
              className='bm-traffic-field__input bm-traffic-add__engine'
              type='text'
              value={engine}
              maxlength={6}
              placeholder='见行驶证“发动机号码”栏'
              placeholderClass='bm-traffic-field__placeholder'
              ariaLabel='发动机号后六位'
              nativeProps={{ 'aria-label': '发动机号后六位', autoComplete: 'off', 'aria-invalid': errors.engineNoSuffix ? 'true' : 'false' }}
              onInput={(e) => {
                setEngine(e.detail.value);
                if (errors.engineNoSuffix) setErrors((er) => ({ ...er, engineNoSuffix: undefined }));
              }}
              onConfirm={() => void submit()}
            />
            {errors.engineNoSuffix ? (
              <View className='bm-traffic-field__error bm-traffic-field__error--engine' role='alert' ariaRole='alert'>
                {errors.engineNoSuffix}
              </View>
            ) : (
              <Text className='bm-traffic-field__hint'>交警用它核实您是这辆车的车主或使用人</Text>
            )}
          </View>

          <View className={`bm-traffic-field bm-traffic-field--label ${errors.label ? 'bm-traffic-field--invalid' : ''}`}>
            <Text className='bm-traffic-field__label'>备注名（选填）</Text>
            <Input
              className='bm-traffic-field__input bm-traffic-add__label'
              type='text'
              value={label}
              maxlength={LABEL_MAX}
              placeholder='如：我的车、家里的车'
              placeholderClass='bm-traffic-field__placeholder'
              ariaLabel='备注名，选填'
              nativeProps={{ 'aria-label': '备注名，选填' }}
              onInput={(e) => {
                setLabel(e.detail.value);
                if (errors.label) setErrors((er) => ({ ...er, label: undefined }));
              }}
            />
            {errors.label ? (
              <View className='bm-traffic-field__error bm-traffic-field__error--label' role='alert' ariaRole='alert'>
                {errors.label}
              </View>
            ) : null}
          </View>
        </Card>

        <Button className='bm-traffic-add__submit' onPress={submit} busy={submitting} label={submitting ? '正在向交警核实' : '添加车辆'}>
          {submitting ? '正在向交警核实…' : '添加车辆'}
        </Button>
        <Text className='bm-traffic-fineprint bm-traffic-add__privacy'>号牌只用于查询违法记录和缴纳罚款；页面上只显示部分号牌，点按才显示完整号牌。</Text>
      </View>
    </Page>
  );
}

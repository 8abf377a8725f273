import Taro from '@tarojs/taro';

/**
 * weapp: a mini-program cannot download into the phone's files; it writes the document into its
 * own user-data folder and hands it to WeChat's 发送给朋友 sheet (`wx.shareFileMessage`), where the
 * resident sends it to 文件传输助手 or anyone they choose. Same exports as save.h5.ts, the h5 twin.
 */
export const SAVE_LABEL = '发送数据文件到聊天';
export const SAVE_HINT = '文件会通过微信“发送给朋友”发出，可以发给“文件传输助手”保存到电脑或手机。';

export async function saveExport(text: string, fileName: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  // Written synchronously: WeChat opens the send sheet only within the tap that asked for it, and
  // an asynchronous write between the tap and the call can lose it.
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
  await Taro.shareFileMessage({ filePath, fileName });
  return `已发送 ${fileName}`;
}

// The 自评结果 PDF to forward: made on the server, then sent to a WeChat chat (wx.shareFileMessage, with
// the document viewer as a fallback) or, in a browser, saved as a download.
import Taro from '@tarojs/taro'
import { downloadReport } from '../api'
import { saveLink } from '../api/saveLink'

export const reportFileName = (year: number) => `自评结果-${year}年度.pdf`

export async function forwardReport(precheckId: string, year: number): Promise<void> {
  const path = await downloadReport(precheckId)
  const fileName = reportFileName(year)
  if (process.env.TARO_ENV === 'h5') {
    saveLink(path, fileName)
    return
  }
  try {
    await Taro.shareFileMessage({ filePath: path, fileName })
  } catch {
    // An older base library, or the owner closed the chat picker: the viewer's menu can still send it.
    await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: true })
  }
}

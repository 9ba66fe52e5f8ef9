// Choosing statements: PDFs forwarded in WeChat chats (chooseMessageFile), a photo from the camera or an image
// from the album (chooseMedia). The H5 build has neither API: the browser's file picker takes PDFs and
// images, and its camera input opens the phone's camera.
import Taro from '@tarojs/taro'

export interface PickedFile {
  /** A WeChat temp path, or a blob: URL in H5. */
  path: string
  name: string
  size: number
}

export type PickSource = 'chat' | 'camera' | 'album'

export async function pickFiles(source: PickSource): Promise<PickedFile[]> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(source)
  if (source === 'chat') {
    const res = await Taro.chooseMessageFile({ count: 9, type: 'file', extension: ['pdf', 'png', 'jpg', 'jpeg'] })
    return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
  }
  const res = await Taro.chooseMedia({ count: 9, mediaType: ['image'], sourceType: [source], sizeType: ['original'] })
  return res.tempFiles.map((f, i) => ({ path: f.tempFilePath, name: `报表照片${i + 1}.jpg`, size: f.size }))
}

function pickInBrowser(source: PickSource): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = source !== 'camera'
    input.accept = source === 'chat' ? '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg' : 'image/*'
    if (source === 'camera') input.setAttribute('capture', 'environment')
    input.style.display = 'none'
    input.onchange = () => {
      const files = Array.from(input.files ?? [])
      input.remove()
      resolve(files.map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })))
    }
    document.body.appendChild(input)
    input.click()
  })
}

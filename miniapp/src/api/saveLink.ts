// H5 only: the browser saves what a URL (an object URL, a downloaded file's path) points at, under `name`.
export function saveLink(href: string, name: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/**
 * A talk's slides link shows the file it points to, as its author named it: the URL's last segment, decoded
 * ("2.1%20Writing%20High%20Performance%20Go.pdf" -> "2.1 Writing High Performance Go.pdf").
 */

/** The decoded file name, or undefined when the URL holds a "%" that is not an escape (decodeURIComponent throws). */
export function slidesFileName(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('/').at(-1) ?? '');
  } catch {
    return undefined;
  }
}

/** A body that is not JSON but is ready whole (a page, a module): the stream a Reply carries, in one chunk. */
export async function* wholeBody(text: string): AsyncIterable<string> {
  yield text;
}

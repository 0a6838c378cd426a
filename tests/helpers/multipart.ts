/** A multipart/form-data body with one file field, as a browser's FormData would send it. */
export function multipartFile(fileName: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----kadence${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

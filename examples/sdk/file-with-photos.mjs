// Files a report with a photo: uploads it with progress, then submits the
// report with its upload id. Pass a JPEG/PNG path, or a tiny PNG is used.
//   node examples/sdk/file-with-photos.mjs [photo.jpg]
import { readFile } from 'node:fs/promises';
import { fileReport } from '@paht/client-sdk';
import { client } from './connect.mjs';

const path = process.argv[2];
const photo = path
  ? await readFile(path)
  : Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const result = await fileReport(
  client,
  {
    title: 'Cây xanh gãy đổ trên vỉa hè',
    description: 'Cành phượng lớn gãy chắn lối đi trước trường tiểu học.',
    address: '5 Lê Lợi, Đông Hà',
    reporter: { phone: '0912 345 678' },
  },
  {
    files: [{ file: photo, fileName: path ?? 'pixel.png' }],
    onProgress: ({ overallLoaded, overallTotal }) => process.stdout.write(`\r  uploading ${Math.round((100 * overallLoaded) / overallTotal)} %`),
  },
);
process.stdout.write('\n');
switch (result.__typename) {
  case 'SubmitReportSuccess':
    console.log(`Filed ${result.trackingCode} with ${result.attachments.length} photo(s):`, result.attachments.map((a) => `${a.kind} ${a.mimeType} ${a.byteSize} B`));
    break;
  case 'UploadRefused':
    console.log(`File ${result.fileIndex} refused (${result.code}): ${result.message}`);
    break;
  default:
    console.log(`Not filed: ${result.__typename}`, result);
}

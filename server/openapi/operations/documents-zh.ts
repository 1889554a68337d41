/**
 * The Chinese of the texts of the operations tagged `documents` (server/openapi/operations/documents.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `documents` operations' texts, by their English. */
export const DOCUMENTS_ZH: Readonly<Record<string, string>> = {
  // uploadDocument
  'Attach a document or photo to a product':
    '为产品附加文件或照片',
  'One file (20 MiB at most, checked while it arrives) and its metadata. The type is recognised from the bytes; pictures are stored upright without their metadata (EXIF, GPS) and get a 320-pixel WebP thumbnail; Word and Excel files lose the names and picture metadata they carry; a PDF is kept byte for byte. Officials attach files to products of their own county.':
    '一个文件（最大 20 MiB，在接收过程中检查）及其信息。文件类型按内容识别；图片摆正后保存，去掉其元数据（EXIF、GPS），并生成 320 像素宽的 WebP 缩略图；Word 和 Excel 文件去掉其中的人名和图片元数据；PDF 原样保存。县级工作人员只能为本县产品附加文件。',
  'Wrong or missing fields, no file, a `photo` that is not a picture, a picture that cannot be decoded, a Word or Excel file that cannot be read, a PDF carrying a photo’s GPS position (`pdf_has_location`), or a designation of another product.':
    '字段有误或缺失，没有文件，`photo` 不是图片，图片无法解码，Word 或 Excel 文件无法读取，PDF 中带有照片的 GPS 位置（`pdf_has_location`），或地理标志属于其他产品。',
  'The body stopped arriving for 30 s (`upload_stalled`).':
    '请求内容停止传输达 30 秒（`upload_stalled`）。',
  'The file is over 20 MiB (20,971,520 bytes; that size itself is taken), a picture over 100 megapixels, a Word or Excel file that unpacks to too much, more than one file, or too many or too long fields.':
    '文件超过 20 MiB（20,971,520 字节；正好这个大小可以接受），图片超过 1 亿像素，Word 或 Excel 文件解压后过大，多于一个文件，或字段过多、过长。',
  'Uploads in flight hold all their room (`uploads_busy`), photos queued hold the pixel budget (`photos_busy`), or the server is stopping.':
    '正在上传的文件已占满全部空间（`uploads_busy`），排队处理的照片已占满像素额度（`photos_busy`），或服务器正在停止。',
  'The server’s storage is full (`storage_full`): nothing was kept.':
    '服务器存储空间已满（`storage_full`）：未保存任何内容。',
  'Not `multipart/form-data`, or a file whose bytes are not a PDF, JPEG, PNG, WebP, DOCX or XLSX (`unsupported_file_type`), whatever its name.':
    '不是 `multipart/form-data`，或文件内容不是 PDF、JPEG、PNG、WebP、DOCX 或 XLSX（`unsupported_file_type`），无论文件名是什么。',
  // getDocument
  'A document’s file':
    '文件本身',
  'Its real type, `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy`, and `Content-Disposition` inline for pictures and PDF, as a download for Word and Excel (the title as the file name). Public files are open to every origin and may be cached (revalidated by ETag); internal ones are never kept.':
    '按真实类型返回，带 `X-Content-Type-Options: nosniff`、沙箱化的 `Content-Security-Policy`，图片和 PDF 的 `Content-Disposition` 为在浏览器中打开，Word 和 Excel 文件为下载（以标题为文件名）。公开文件允许任何来源访问，可以缓存（凭 ETag 重新验证）；内部文件从不缓存。',
  'The file':
    '文件',
  'No such document, or one the viewer may not read: an internal file answers 404 to the public and to officials of other counties, as if it did not exist.':
    '没有该文件，或查看者无权读取：内部文件对公众和其他县的工作人员返回 404，如同不存在。',
  'This address already has 6 files larger than 512 KiB downloading (`too_many_downloads`).':
    '该地址已有 6 个大于 512 KiB 的文件正在下载（`too_many_downloads`）。',
  // getDocumentThumbnail
  'A picture’s thumbnail (WebP, 320 pixels wide at most)':
    '图片的缩略图（WebP，最宽 320 像素）',
  'The thumbnail':
    '缩略图',
  'No such document, one the viewer may not read, or a file that is not a picture (no thumbnail).':
    '没有该文件，查看者无权读取，或文件不是图片（没有缩略图）。',
  // updateDocument
  'Change a document’s title, kind, date, source or visibility':
    '修改文件的标题、类别、日期、来源或公开范围',
  'A field is wrong, or there is nothing to change (`{}`).':
    '字段有误，或没有要修改的内容（`{}`）。',
  // deleteDocument
  'Delete a document and its file':
    '删除文件记录及文件本身',
  'For good; the history keeps what it was.':
    '永久删除；修改记录中保留其原有内容。',
  'Deleted':
    '已删除',
};

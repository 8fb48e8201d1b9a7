/**
 * An .xlsx imported by the page's code: webpack inlines it as a `data:` URL with the bytes in base64
 * (the `asset/inline` rule in webpack.config.js), so the page needs no request to have the file.
 */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}

/**
 * Stands in for jsPDF's optional dependencies (html2canvas, dompurify, canvg), which it loads only
 * for `html()` and SVG, neither of which the pack uses. vite.config.ts aliases them here so their
 * chunks are never built, shipped or precached.
 */
export default {};

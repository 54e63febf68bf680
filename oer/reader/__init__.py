"""A resource's stored file on the web: delivering it, and reading a PDF page by page with pdf.js."""

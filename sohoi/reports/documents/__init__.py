"""The periodic report as files: .docx in the Party's format (docx.py), the annex tables as .xlsx (xlsx.py),
.pdf converted from the .docx by LibreOffice (pdf.py). All three are written from the same `sections()`."""

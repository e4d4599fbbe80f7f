// Tests never send real mail and always run in a known zone unless a test says otherwise.
process.env.SMTP_URL ??= '';

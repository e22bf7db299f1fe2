// The hand-over to the payment provider: with JavaScript its form posts itself at once; without,
// the family presses its button. A file of our own origin, as the Content-Security-Policy wants.
for (const form of document.querySelectorAll('form[data-auto-submit]')) form.submit();

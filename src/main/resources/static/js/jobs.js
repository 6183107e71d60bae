// The jobs page reloads itself while a job runs, so progress, rate and time left stay current.
if (document.body.dataset.refresh === 'true') {
  setTimeout(() => window.location.reload(), 3000);
}

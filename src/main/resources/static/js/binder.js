// While a binder is being built, its page asks for the progress every second and reloads when the
// build has ended, so the download link appears without a click.
(function () {
  const panel = document.getElementById('binder-status');
  if (!panel || panel.dataset.state !== 'RUNNING') {
    return;
  }
  const progress = document.getElementById('binder-progress');
  const count = document.getElementById('binder-count');
  const poll = () => {
    fetch(panel.dataset.api, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(s => {
        if (s.state !== 'RUNNING') {
          window.location.reload();
          return;
        }
        if (progress) {
          progress.value = s.percent;
          progress.textContent = s.percent + '%';
        }
        if (count) {
          count.textContent = s.total > 0 ? s.done + ' / ' + s.total : '准备中';
        }
        setTimeout(poll, 1000);
      })
      .catch(() => setTimeout(poll, 3000));
  };
  setTimeout(poll, 1000);
})();

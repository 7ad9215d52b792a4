// Refreshes a bulk access job's figures every second from its JSON handler; once the job finishes, reloads the page
// for its results. Without this script the page shows the same figures and a refresh link.
(function () {
    'use strict';
    var section = document.getElementById('job-progress');
    if (!section || section.dataset.finished === 'true') return;
    var bar = document.getElementById('job-bar');
    var url = section.dataset.progressUrl;

    function show(progress) {
        bar.max = Math.max(progress.total, 1);
        bar.value = progress.done + progress.refused;
        Object.keys(progress.text).forEach(function (name) {
            var field = section.querySelector('[data-job-field="' + name + '"]');
            if (field) field.textContent = progress.text[name];
        });
    }

    function poll() {
        fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (progress) {
                show(progress);
                if (progress.finished) window.location.reload();
                else window.setTimeout(poll, 1000);
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }

    var refresh = document.getElementById('job-refresh');
    if (refresh) refresh.hidden = true;
    window.setTimeout(poll, 1000);
})();

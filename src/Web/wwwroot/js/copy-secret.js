// A "Copy" button for a secret shown once. Without this script the button stays hidden and the field, selected as it gets
// the focus, is copied with the keyboard.
(function () {
    'use strict';
    document.querySelectorAll('[data-copy-from]').forEach(function (button) {
        var field = document.getElementById(button.dataset.copyFrom);
        var status = document.querySelector('[data-copy-status-for="' + button.dataset.copyFrom + '"]');
        if (!field) return;
        field.addEventListener('focus', function () { field.select(); });
        if (document.activeElement === field) field.select();
        button.hidden = false;
        function tell(text) { if (status) status.textContent = text; }
        button.addEventListener('click', function () {
            var copied = navigator.clipboard && window.isSecureContext
                ? navigator.clipboard.writeText(field.value)
                : new Promise(function (resolve, reject) {
                    field.select();
                    if (document.execCommand('copy')) resolve(); else reject();
                });
            copied.then(function () { tell(button.dataset.copiedText); },
                function () { field.focus(); tell(button.dataset.copyFailedText); });
        });
    });
})();

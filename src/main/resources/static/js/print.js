// The "Print" button of the printable reports; a file, not an inline handler (the pages' content security policy).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print-report');
  if (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  }
});

// Shows a question only while the earlier answer on the same page calls for it. Without this script every question
// stays visible with a note saying when to answer it, and the server drops answers whose condition is not met.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var dependents = document.querySelectorAll('[data-show-if]');
  function update() {
    dependents.forEach(function (element) {
      var inputs = document.getElementsByName(element.getAttribute('data-show-if'));
      if (inputs.length === 0) {
        return;
      }
      var wanted = element.getAttribute('data-show-values').split(' ');
      var shown = false;
      inputs.forEach(function (input) {
        if ((input.type === 'radio' || input.type === 'checkbox') ? input.checked && wanted.indexOf(input.value) >= 0 : wanted.indexOf(input.value) >= 0) {
          shown = true;
        }
      });
      element.hidden = !shown;
    });
  }
  document.addEventListener('change', update);
  update();
}());

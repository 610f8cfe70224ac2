/*
 * Runs before the page is first painted (a classic script in <head>, from the app's own origin,
 * so the Content-Security-Policy allows it). It marks the page as a first visit to the home page,
 * which shows the start page's heading pre-rendered in index.html at once (src/app/first-paint.tsx).
 * Anything else shows only the header until the app has loaded, so a returning user never sees
 * the start page flash before their own: another route in the hash, a service worker in control
 * (this browser has been here before), or saved work noted by the app (src/app/first-visit.ts).
 */
(function () {
  // Until the app has loaded, the pre-rendered skip link moves focus to the main content as the
  // app's own does, without putting "#maincontent" in the address, which holds the route.
  document.addEventListener('click', function (event) {
    if (event.defaultPrevented) return;
    var target = event.target;
    var link = target && target.closest ? target.closest('a[href="#maincontent"]') : null;
    var main = document.getElementById('maincontent');
    if (!link || !main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
  try {
    var hash = window.location.hash;
    if (hash && hash !== '#' && hash !== '#/') return;
    if (navigator.serviceWorker && navigator.serviceWorker.controller) return;
    if (window.localStorage.getItem('aqp-apply:saved-work')) return;
    document.documentElement.classList.add('app-first-visit');
  } catch {
    // Storage blocked or unreadable: show only the header until the app has loaded.
  }
})();

/*
 * Inter-agency Requests: links in Tasklist's header to the registry and the meetings pages, which share Tasklist's
 * login. A plugin of the webapps' plugin API (Camunda 7.14+): config.js lists this module in customScripts, Tasklist
 * imports it and renders it at the plugin point 'tasklist.navbar.action'.
 */
const LINKS = [
  {path: '/registry', es: 'Registro', en: 'Registry'},
  {path: '/meetings', es: 'Reuniones', en: 'Meetings'}
];

/** The application's context path: the webapps live under it at <context>/camunda (base tag's app-root). */
function contextPath() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

/** The Secretariat pages are Spanish unless the browser prefers English, and so are these links. */
function language() {
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'es';
  return preferred.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/** One plugin per link, so that each gets its own item in the header, as Tasklist's own actions do. */
export default LINKS.map((link, index) => ({
  id: 'interagency-link-' + link.path.substring(1),
  pluginPoint: 'tasklist.navbar.action',
  priority: 500 - index,
  render: (node) => {
    const lang = language();
    const anchor = document.createElement('a');
    anchor.href = contextPath() + link.path + '?lang=' + lang;
    anchor.textContent = link[lang];
    anchor.className = 'secretariat-link';
    node.appendChild(anchor);
  }
}));

/*
 * Inter-agency Requests: dates in the language of the texts, in Tasklist, Cockpit, Admin and the welcome page.
 *
 * Camunda 7.24 makes a moment.js locale of the "dateLocales" of every locale file it loads, and each one becomes
 * moment's global locale as its file arrives. A Spanish browser loads es.json and the fallback en.json at once, so
 * whichever answers last decides the dates: Spanish texts with English dates on 2 of 8 first visits in a headless
 * Chromium, and always when en.json answers last. Only the language the webapps chose for the texts defines the
 * dates here.
 *
 * An AngularJS module of config.js's requireJsConfig (deps and ngDeps), Camunda's documented way to add one; it
 * decorates "localeLoader", the loader that Camunda's webapps register with angular-translate (7.24 is the last
 * Community Edition, so that name stays).
 */
define(['angular'], function (angular) {
  'use strict';

  return angular.module('secretariat.dateLocale', ['pascalprecht.translate'])
    .config(['$provide', '$translateProvider', function ($provide, $translateProvider) {
      // Camunda's own configuration ran before this module's: the browser's language among availableLocales, or
      // the fallback
      var language = $translateProvider.preferredLanguage();
      $provide.decorator('localeLoader', ['$delegate', function (load) {
        return function (options) {
          var defineDateLocale = options.callback;
          return load(angular.extend({}, options, {
            callback: function (error, data, key) {
              if (key === language && defineDateLocale) {
                defineDateLocale(error, data, key);
              }
            }
          }));
        };
      }]);
    }]);
});

// The one i18n layer of the explorer (i18next). Every string a person reads goes through it.
// Each part of the interface keeps its strings in a namespace of its own, in English and French.
import i18next, { type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { common } from "./common";
import { details } from "./details";
import { query } from "./query";
import { exports } from "./exports";
import { story } from "./story";
import type { Language } from "../state/viewState";

export const NAMESPACES = { common, details, query, exports, story } as const;

function resources(): Resource {
  const out: Resource = { en: {}, fr: {} };
  for (const [ns, strings] of Object.entries(NAMESPACES)) {
    out.en![ns] = strings.en;
    out.fr![ns] = strings.fr;
  }
  return out;
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: "en",
  fallbackLng: "en",
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes; i18next must not double-escape
  returnNull: false,
});

export function setLanguage(lang: Language): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

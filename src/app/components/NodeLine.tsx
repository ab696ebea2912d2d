// One node as a line of a list: its kind's colour, its date, its label, its kind. The node list and
// the query's results both show nodes this way; `prefix` names their own classes.
import { useTranslation } from "react-i18next";
import type { NodeKind } from "../../model/vocabulary";
import { kindColor } from "../theme";

export function NodeLine({
  node,
  prefix,
}: {
  node: { kind: NodeKind; label: string; date?: string | null };
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span
        className="swatch swatch-dot"
        style={{ backgroundColor: kindColor(node.kind) }}
        aria-hidden="true"
      />
      <span className={`${prefix}-date`}>{node.date ?? t("undated")}</span>
      <span className={`${prefix}-label`}>{node.label}</span>
      <span className={`${prefix}-kind`}>{t(`kind_${node.kind}`)}</span>
    </>
  );
}

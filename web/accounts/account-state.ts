// The account's validation state in words, from the database and, while it is pending, from the
// accountValidation workflow's query (asked through web/approvals/workflows.ts).
import type { User } from '../../db/database.ts';
import type { ApprovalState } from '../../workflows/approvals/index.ts';

export interface AccountStatusText {
  title: string;
  detail: string | null;
  kind: 'success' | 'warning' | 'info';
}

/**
 * `audience`: the family reads its own account (« Déposez vos pièces »); staff read the family's,
 * and what waits for them.
 */
export function describeAccountStatus(user: Pick<User, 'status' | 'status_reason'>, workflow: ApprovalState | null, audience: 'family' | 'staff' = 'family'): AccountStatusText {
  const staff = audience === 'staff';
  switch (user.status) {
    case 'validated':
      return { title: 'Compte validé', detail: null, kind: 'success' };
    case 'rejected':
      return { title: `Compte refusé : ${user.status_reason ?? 'motif non précisé'}`, detail: null, kind: 'warning' };
    case 'suspended':
      return { title: 'Compte suspendu', detail: user.status_reason ?? (staff ? 'Aucun motif enregistré.' : 'Contactez votre mairie.'), kind: 'warning' };
    case 'erased':
      return { title: 'Compte effacé', detail: 'Les données de cette famille ont été effacées à sa demande.', kind: 'info' };
    default:
      if (workflow?.status === 'documents-requested') {
        const asked = workflow.text ?? '';
        return { title: 'Compte en attente de validation', detail: staff ? `Pièces demandées à la famille, qui ne les a pas encore déposées : ${asked}` : `La mairie vous demande des pièces justificatives : ${asked}`, kind: 'warning' };
      }
      if (workflow?.status === 'waiting-documents') {
        return { title: 'Compte en attente de validation', detail: staff ? "La famille n'a pas encore déposé de pièce justificative." : 'Déposez vos pièces justificatives pour que la mairie puisse valider votre compte.', kind: 'warning' };
      }
      return {
        title: 'Compte en attente de validation',
        detail: staff ? 'Pièces justificatives déposées : à examiner, puis valider le compte, le refuser ou demander d’autres pièces.' : 'Vos pièces justificatives sont en cours d\'examen par la mairie.',
        kind: 'info',
      };
  }
}

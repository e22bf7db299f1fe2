// Staff: « Régies de recettes »: the régies of their communes, with their closing and statements.
import type { StaffRegie } from '../../../db/queries/regies/closing.ts';

const roleWords = { regisseur: 'Vous en êtes le régisseur.', suppleant: 'Vous en êtes suppléant.' } as const;

export function RegieListPage({ regies }: { regies: StaffRegie[] }) {
  return (
    <>
      <p>
        <a href="/agent">← Tableau de bord</a>
      </p>
      <h1>Régies de recettes</h1>
      {regies.length === 0 ? (
        <p>Aucune régie ne couvre vos communes.</p>
      ) : (
        <ul>
          {regies.map((regie) => (
            <li>
              <strong>{regie.name}</strong> ({regie.communes.join(', ')}). {regie.role ? roleWords[regie.role] : ''}{' '}
              <a href={`/agent/regies/${regie.id}/cloture`}>Clôture de la journée</a> · <a href={`/agent/regies/${regie.id}/releves`}>Relevés mensuels et fichier PES</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

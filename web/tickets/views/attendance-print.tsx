// Staff: the day's liste d'appel, to print on A4 and fill in by hand at the door: each child with
// what the team needs to know, and empty cells for the time of arrival, of departure and the
// signature of whoever collects the child.
import type { AttendanceRow } from '../../../db/queries/tickets/attendance.ts';
import { ageOn, formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import type { AtTheDoor, Departure } from '../../../db/queries/child-file/index.ts';
import { Collectors, departureText, HealthFlag } from './attendance-door.tsx';

export interface AttendancePrintProps {
  product: { id: number; name: string; commune: string };
  day: IsoDate;
  prestationId: number | null;
  rows: AttendanceRow[];
  door: Map<number, AtTheDoor>;
  departures: Map<number, Departure>;
}

const pointage = (row: AttendanceRow) => (row.status === 'present' ? 'Présent' : row.status === 'absent' ? 'Absent' : row.declaredAbsence ? 'Absence maladie déclarée' : '');

export function AttendancePrintPage({ product, day, prestationId, rows, door, departures }: AttendancePrintProps) {
  const back = `/agent/presences/${product.id}?jour=${day}${prestationId ? `&prestation=${prestationId}` : ''}`;
  return (
    <div class="print-list">
      <p class="no-print">
        <a href={back}>← Retour au pointage du jour</a> · Imprimez cette page (Ctrl+P) : elle tient sur une feuille A4.
      </p>
      <h1>
        Liste d'appel – {product.name} – {product.commune}
      </h1>
      <p class="lead">
        {formatLongDate(day)} · {rows.length} enfant{rows.length > 1 ? 's' : ''} attendu{rows.length > 1 ? 's' : ''}
      </p>
      {rows.length === 0 ? (
        <p>Aucun enfant réservé ce jour-là.</p>
      ) : (
        <table class="attendance attendance--print">
          <caption class="visually-hidden">Liste d'appel du {formatLongDate(day)}, avec l'arrivée, le départ et la signature à remplir</caption>
          <colgroup>
            <col class="col-child" />
            <col class="col-age" />
            <col class="col-prestation" />
            <col class="col-guardian" />
            <col class="col-health" />
            <col class="col-time" />
            <col class="col-time" />
            <col class="col-signature" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Enfant</th>
              <th scope="col">Âge</th>
              <th scope="col">Prestation</th>
              <th scope="col">Responsable</th>
              <th scope="col">Santé</th>
              <th scope="col">Arrivée</th>
              <th scope="col">Départ</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">
                  {row.lastName} {row.firstName}
                  {pointage(row) ? <span class="print-list__status"> ({pointage(row)})</span> : null}
                </th>
                <td>{ageOn(row.birthDate, day)} ans</td>
                <td>{row.prestation}</td>
                <td>
                  {[row.guardianFirstName, row.guardianLastName].filter(Boolean).join(' ') || row.email}
                  {row.phone ? (
                    <>
                      <br />
                      {row.phone}
                    </>
                  ) : null}
                  <Collectors door={door.get(row.childId)} shownGuardian={row.familyId} print />
                </td>
                <td>
                  <HealthFlag door={door.get(row.childId)} reservationId={row.reservationId} print />
                </td>
                <td class="to-fill"></td>
                {departures.has(row.reservationId) ? <td>{departureText(departures.get(row.reservationId)!)}</td> : <td class="to-fill"></td>}
                <td class="to-fill"></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

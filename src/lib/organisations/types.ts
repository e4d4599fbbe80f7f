// Types shared by server and browser code (the server's table types live in server/db/schema).
export type OrganisationKind =
	'municipality' | 'school' | 'company' | 'vocational_school' | 'museum' | 'partner';
export type Role = 'admin' | 'member';

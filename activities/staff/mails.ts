// The link an invited agent follows to choose a password: the reset page, which also takes
// invitation tokens. One place for the command line and the administrators' page.
export const staffInvitationLink = (publicUrl: string, token: string) => `${publicUrl}/recuperation-mot-de-passe/nouveau?token=${token}`;

// The door of auth (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	acceptInvitationSchema,
	changePasswordSchema,
	forgotPasswordSchema,
	loginSchema,
	profileNameSchema,
	resetPasswordSchema,
	unlinkLoginSchema
} from './schema';
export type { Actor, ActorMembership } from './actor';

import { m } from '$lib/paraglide/messages.js';

// Labels for an activity's enumerations, in the request's language.

export type PillarKey = 'laerepladsalliance' | 'skole_virksomhed' | 'rekruttering' | 'faelles';
export type VisibilityKey = 'public' | 'alliance' | 'private';
export type StatusKey = 'planned' | 'cancelled';

const PILLAR: Record<PillarKey, () => string> = {
	laerepladsalliance: m.activity_pillar_laerepladsalliance,
	skole_virksomhed: m.activity_pillar_skole_virksomhed,
	rekruttering: m.activity_pillar_rekruttering,
	faelles: m.activity_pillar_faelles
};

const VISIBILITY: Record<VisibilityKey, () => string> = {
	public: m.activity_visibility_public_short,
	alliance: m.activity_visibility_alliance_short,
	private: m.activity_visibility_private_short
};

const STATUS: Record<StatusKey, () => string> = {
	planned: m.activity_status_planned,
	cancelled: m.activity_status_cancelled
};

export const pillarLabel = (pillar: PillarKey) => PILLAR[pillar]();
export const visibilityLabel = (visibility: VisibilityKey) => VISIBILITY[visibility]();
export const statusLabel = (status: StatusKey) => STATUS[status]();

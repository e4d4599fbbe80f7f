// The rows the lærepladsalliance pages show: the server reads them, the components draw them.

export interface OpeningRow {
	id: string;
	organisationId: string;
	companyName: string;
	tradeCode: string;
	tradeNameDa: string;
	tradeNameEn: string;
	positions: number;
	startDate: string;
	contactName: string;
	contactEmail: string;
	description: string;
	status: 'open' | 'filled';
}

export interface FollowUpRow {
	organisationId: string;
	name: string;
	municipality: string | null;
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	joinedOn: string;
	trades: { nameDa: string; nameEn: string }[];
}

export interface TradeOverviewRow {
	tradeCode: string;
	nameDa: string;
	nameEn: string;
	/** Committed companies that name the trade today. */
	companies: number;
	openings: number;
	positions: number;
	openPositions: number;
	filledPositions: number;
}

// The régies' door for other capabilities' queries: the journal every money movement writes.
export { collectingRegie, familyRegie, inTransaction, orderPartShares, orderProductShares, recordJournal, reservationRegie, type JournalLine } from './journal.ts';
export { journalWalletMovement, type JournalledMovement, type WalletJournal } from './wallet-journal.ts';
export { cardMethod, journalCardRefund, journalOrderCardPayment } from './card-journal.ts';
export { booksProblems, booksReport, type BooksReport } from './books.ts';
export { weeklyReceipts, type WeeklyReceipts } from './treasury.ts';
export { regiePayboxAccount } from './paybox-account.ts';

export function IncomingListPage() { return <p>Chưa có</p>; }

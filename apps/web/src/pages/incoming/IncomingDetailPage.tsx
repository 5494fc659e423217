export function IncomingDetailPage() { return <p>Chưa có</p>; }

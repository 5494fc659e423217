export function InboxPage() { return <p>Chưa có</p>; }

export function RegisterIncomingPage() { return <p>Chưa có</p>; }

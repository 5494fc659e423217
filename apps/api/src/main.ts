import { hello } from '@eoffice/core';
console.log('hi', hello);

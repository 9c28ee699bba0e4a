/**
 * The demo tenant every subgraph seeds its part of (npm start, testkit fixtures). Fixed ids
 * let each subgraph seed on its own, without calling the others.
 */
export const DEMO = {
  tenant: { id: '00000000-0000-4000-8000-000000000001', subdomain: 'demo', name: 'Demo Corporation' },
  admin: { id: '00000000-0000-4000-8000-000000000011', email: 'admin@demo.example', password: 'demo-admin-pass', name: 'Demo Admin' },
  member: { id: '00000000-0000-4000-8000-000000000012', email: 'member@demo.example', password: 'demo-member-pass', name: 'Demo Member' },
  guest: { id: '00000000-0000-4000-8000-000000000013', email: 'guest@partner.example', password: 'demo-guest-pass', name: 'Partner Guest' },
} as const;

/**
 * The demo tenant every subgraph seeds its part of (npm start, testkit fixtures). Fixed ids
 * let each subgraph seed on its own, without calling the others.
 */
export const DEMO = {
  tenant: { id: '00000000-0000-4000-8000-000000000001', subdomain: 'demo', name: 'Demo Corporation' },
  admin: { id: '00000000-0000-4000-8000-000000000011', email: 'admin@demo.example', password: 'demo-admin-pass', name: 'Demo Admin' },
  member: { id: '00000000-0000-4000-8000-000000000012', email: 'member@demo.example', password: 'demo-member-pass', name: 'Demo Member' },
  guest: { id: '00000000-0000-4000-8000-000000000013', email: 'guest@partner.example', password: 'demo-guest-pass', name: 'Partner Guest' },
  /** The vendor's own tenant: its support staff answer every customer tenant's tickets. */
  vendorTenant: { id: '00000000-0000-4000-8000-000000000002', subdomain: 'kyodo-support', name: 'Kyodo Support Desk' },
  /** A support agent of the vendor tenant: spaces signs them in with the SUPPORT_AGENT role. */
  agent: { id: '00000000-0000-4000-8000-000000000021', email: 'agent@support.example', password: 'demo-agent-pass', name: 'Support Agent' },
  /** A vendor operator of the vendor tenant (back office: billing runs): spaces signs them in with the VENDOR_ADMIN role. */
  operator: { id: '00000000-0000-4000-8000-000000000022', email: 'operator@vendor.example', password: 'demo-operator-pass', name: 'Vendor Operator' },
} as const;

import { describe, expect, it } from 'vitest';
import type { BoardAgent, BoardAgentStatus } from '../../../src-main/core/api';
import { agentRows } from '../../../src-renderer/src/lib/board/agent-rows';

const agent = (agentId: string, status: BoardAgentStatus, since: number): BoardAgent => ({
  key: `dialpad:${agentId}`,
  provider: 'dialpad',
  agentId,
  name: null,
  status,
  providerStatus: status,
  reason: null,
  since,
  statusSeq: 1,
});

const shape = (rows: ReturnType<typeof agentRows>): string[] =>
  rows.map((row) => (row.kind === 'status' ? `${row.status} (${row.count})` : row.agent.agentId));

describe('agentRows', () => {
  it('puts each status with agents under its heading, in the board order, longest in status first', () => {
    const rows = agentRows([
      agent('a', 'offline', 5),
      agent('b', 'available', 30),
      agent('c', 'occupied', 10),
      agent('d', 'available', 20),
      agent('e', 'wrapup', 1),
    ]);
    expect(shape(rows)).toEqual(['available (2)', 'd', 'b', 'occupied (1)', 'c', 'wrapup (1)', 'e', 'offline (1)', 'a']);
  });

  it('is empty without agents', () => {
    expect(agentRows([])).toEqual([]);
  });
});

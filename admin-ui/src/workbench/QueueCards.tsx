import { Card, Descriptions, List, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ToneTag } from '../components/StatusTag';

/** What one card of a queue shows: the case, its tags, and its facts as label–value lines. */
export interface QueueCard {
  key: string;
  number: string;
  tags: ReactNode;
  facts: { label: string; value: ReactNode }[];
}

/**
 * A queue on a phone: one card per item, read top to bottom, instead of a table that scrolls
 * sideways. The region keeps the table's name, so the queue is found the same way on both.
 */
export function QueueCards({
  label,
  cards,
  isLoading,
  empty,
}: {
  label: string;
  cards: QueueCard[];
  isLoading: boolean;
  empty: string;
}) {
  return (
    <section role="region" aria-label={label}>
      <List
        loading={isLoading}
        dataSource={cards}
        locale={{ emptyText: empty }}
        pagination={cards.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        renderItem={(card) => (
          <List.Item key={card.key} className="queue-card-item">
            <Card
              size="small"
              className="queue-card"
              title={
                <Link to={`/cases/${card.number}`} className="matter-code queue-card-number">
                  {card.number}
                </Link>
              }
            >
              <Space size={4} wrap className="queue-card-tags">
                {card.tags}
              </Space>
              <Descriptions
                size="small"
                column={1}
                items={card.facts.map((fact) => ({ key: fact.label, label: fact.label, children: fact.value }))}
              />
            </Card>
          </List.Item>
        )}
      />
    </section>
  );
}

export const greenTag = (isGreenChannel: boolean) => isGreenChannel && <ToneTag tone="success">绿色通道</ToneTag>;

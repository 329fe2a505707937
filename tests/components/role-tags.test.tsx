import { render, screen } from '@testing-library/react';
import { RoleTags } from '../../src/components/role-tags';

describe('RoleTags', () => {
  test('labels each role in Chinese, the most responsible role first', () => {
    render(<RoleTags roles={['resident', 'volunteer', 'staff', 'party_member']} />);
    const tags = screen.getByTestId('role-tags');
    const labels = Array.from(tags.children).map((el) => el.textContent);
    expect(labels).toEqual(['社区工作人员', '双报到党员', '志愿者', '居民']);
  });
});

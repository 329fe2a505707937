import { SelectField } from '../../../components/form/select-field';
import { ListFooter } from '../../../components/list-footer';
import type { FieldBinding } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';

/** 所属微实事项目: a 微实事项目 event can belong to a project still under way, whose page shows its hours. */
export function ProjectField(props: FieldBinding<string>) {
  const projects = usePaged('votes', 'projects', {});
  const options = (projects.data ?? [])
    .filter((p) => p.status !== 'completed' || p.id === props.value)
    .map((p) => ({ value: p.id as string, label: p.title }));
  return (
    <>
      <SelectField label="所属项目" placeholder="选填：不属于项目可不选" options={options} {...props} />
      <ListFooter list={projects} />
    </>
  );
}

/**
 * On the task list: other versions of this application's answers (or its organisation's) are kept
 * on this computer, for example from a tab that closed with changes another tab had overtaken.
 * Says so, and links to where they can be compared and used.
 */
import { useEffect, useState } from 'react';
import { InsetText } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';

export function KeptVersionsNotice({
  applicationId,
  profileId,
}: {
  readonly applicationId: string;
  readonly profileId: string;
}) {
  const { repositories } = useAppServices();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      void repositories.keptVersions
        .list()
        .then((all) => all.filter((k) => k.record.id === (k.kind === 'application' ? applicationId : profileId)))
        .then((mine) => !cancelled && setCount(mine.length))
        .catch(() => undefined);
    refresh();
    const unsubscribe = repositories.keptVersions.subscribe(refresh);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [repositories, applicationId, profileId]);
  if (count === 0) return null;
  return (
    <InsetText>
      <p>
        {count === 1 ? 'Another version' : `${count} other versions`} of these answers {count === 1 ? 'is' : 'are'} kept
        on this computer, from a time they were changed in two tabs or windows at once.{' '}
        <a href={`${href(paths.settings())}`}>Compare and choose a version</a>
      </p>
    </InsetText>
  );
}

import { useEffect, useEffectEvent, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseRecord } from '../../../src/common/ipc/api-types';
import type { AppInfo } from '../../../src/common/ipc/contract';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import type { UnlockTarget } from '../app/screen';
import { useFocusOnMount } from '../app/use-focus-on-mount';
import { FailureAlert } from '../app/failure-alert';
import { DemoCourseCard } from './demo-course-card';
import { OpenCourseForm } from './open-course-form';
import { takeRequestedCourse } from './requested-course';
import { RecentCourses } from './recent-courses';

/** Props of {@link LibraryScreen}. */
export interface LibraryScreenProps {
  onOpen(target: UnlockTarget): void;
}

/**
 * The first screen: the demo course (always offered first), a way to open another course file (a file
 * dialog in Electron, a typed path in the browser host) and the course files opened before.
 */
export function LibraryScreen({ onOpen }: LibraryScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [records, setRecords] = useState<CourseRecord[]>([]);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  // Where the failure is shown: beside the form for a path or a picked file, else at the top.
  const [failedAtForm, setFailedAtForm] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([callApi(() => plenum.app.info({})), callApi(() => plenum.library.list({}))]).then(
      ([infoResult, listResult]) => {
        if (!live) return;
        if (infoResult.ok) setInfo(infoResult.value);
        if (listResult.ok) setRecords(listResult.value);
        const failed = !infoResult.ok ? infoResult.error : !listResult.ok ? listResult.error : null;
        setFailure(failed);
      },
    );
    const unsubscribe = plenum.on('library.changed', ({ entries }) => setRecords(entries));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [plenum]);

  const demo = info?.demo ?? null;
  const demoRecord = demo === null ? undefined : records.find((record) => record.path === demo.path);
  const recent = records.filter((record) => record.path !== demo?.path);

  const open = (record: CourseRecord): void =>
    onOpen({
      id: record.id,
      title: record.title,
      demoPassword: demo !== null && record.path === demo.path ? demo.password : null,
    });

  /** Adds a typed path to the library (main reads its public header for the title), then asks to unlock. */
  const openPath = async (path: string): Promise<void> => {
    setBusy(true);
    const added = await callApi(() => plenum.library.add({ path }));
    setBusy(false);
    if (!added.ok) {
      setFailure(added.error);
      setFailedAtForm(true);
      return;
    }
    setFailure(null);
    open(added.value);
  };

  // A course asked for in the address (plenum host --course adds its library id) goes straight to its
  // unlock screen, once the library is known.
  // The request is taken once, when the library first lists it.
  const [requested] = useState(takeRequestedCourse);
  const requestTaken = useRef(false);
  const openRequested = useEffectEvent((): void => {
    if (requestTaken.current || requested === null || info === null) return;
    const record = records.find((entry) => entry.id === requested);
    if (record === undefined) return;
    requestTaken.current = true;
    open(record);
  });
  useEffect(() => openRequested(), [info, records]);

  const openDemo = (): void => {
    if (demoRecord !== undefined) open(demoRecord);
  };

  const pick = async (): Promise<void> => {
    setBusy(true);
    const picked = await callApi(() => plenum.library.pickFile({}));
    setBusy(false);
    if (!picked.ok) {
      setFailure(picked.error);
      setFailedAtForm(true);
    } else if (picked.value !== null) {
      setFailure(null);
      open(picked.value);
    }
  };

  return (
    <main className="screen library-screen" aria-busy={busy}>
      <h1 ref={heading} tabIndex={-1}>
        {t('library.title')}
      </h1>
      <p className="lead">{t('library.intro')}</p>
      <FailureAlert failure={failedAtForm ? null : failure} />
      {demo !== null && (
        <DemoCourseCard title={demoRecord?.title ?? null} disabled={busy} onOpen={openDemo} />
      )}
      {info !== null && (
        <OpenCourseForm
          canPickFiles={info.canPickFiles}
          disabled={busy}
          failure={failedAtForm ? failure : null}
          onPick={() => void pick()}
          onPath={(path) => void openPath(path)}
        />
      )}
      <RecentCourses records={recent} disabled={busy} onOpen={open} />
    </main>
  );
}

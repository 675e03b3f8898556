import nbCommon from '../../../locales/nb/common.json';
import nnCommon from '../../../locales/nn/common.json';
import enCommon from '../../../locales/en/common.json';
import nbCli from '../../../locales/nb/cli.json';
import nnCli from '../../../locales/nn/cli.json';
import enCli from '../../../locales/en/cli.json';
import nbCourse from '../../../locales/nb/course.json';
import nnCourse from '../../../locales/nn/course.json';
import enCourse from '../../../locales/en/course.json';
import nbApp from '../../../locales/nb/app.json';
import nnApp from '../../../locales/nn/app.json';
import enApp from '../../../locales/en/app.json';
import nbPlans from '../../../locales/nb/plans.json';
import nnPlans from '../../../locales/nn/plans.json';
import enPlans from '../../../locales/en/plans.json';
import nbRoom from '../../../locales/nb/room.json';
import nnRoom from '../../../locales/nn/room.json';
import enRoom from '../../../locales/en/room.json';

/** The i18next namespaces, one file each in locales/<language>/. */
export const NAMESPACES = ['common', 'cli', 'course', 'app', 'plans', 'room'] as const;

/** Every message of every language, bundled at build time (nothing is loaded at run time). */
export const RESOURCES = {
  nb: { common: nbCommon, cli: nbCli, course: nbCourse, app: nbApp, plans: nbPlans, room: nbRoom },
  nn: { common: nnCommon, cli: nnCli, course: nnCourse, app: nnApp, plans: nnPlans, room: nnRoom },
  en: { common: enCommon, cli: enCli, course: enCourse, app: enApp, plans: enPlans, room: enRoom },
} as const;

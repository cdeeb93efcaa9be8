import { startBackground } from '../utils/background';

export default defineBackground(() => startBackground());

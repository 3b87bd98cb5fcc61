/**
 * Factory functions bit for bit: linspace's values as PyTorch's vectorised kernel rounds them, float32 and
 * float64 (test/fixtures/creation_bits.json, made by test/fixtures/creation_bits.py with real PyTorch).
 */
import { snippetFixtureSuite } from '../snippetFixture';

snippetFixtureSuite('factories bit for bit (real PyTorch output)', 'creation_bits.json');

"""The private segmenter: a snapshot that loads fast, jieba's own tags, the global jieba untouched."""
from __future__ import annotations

import pickle
import random
import re
import subprocess
import sys

import pytest

from ccasx_analytics.config import RESOURCES_DIR
from ccasx_analytics.extract import load_resources
from ccasx_analytics.extract.resources import read_resources
from ccasx_analytics.extract.segmenter import load_segmenter, viterbi

from extract_helpers import SAMPLE_TXT

TEXT = ("山西移动联合太原市公安局反诈中心举办宣传活动，二级巡视员郭钦华出席。"
        "大同智算中心算力规模达748EFLOPS，李彪在武乡县蟠龙镇讲述抗战往事。")


def test_the_hmm_tagger_finds_the_path_jieba_finds():
    import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi as jieba_viterbi

    corpus = SAMPLE_TXT
    text = corpus.read_text(encoding="utf-8") if corpus.exists() else TEXT * 5
    chars = "".join(re.findall(r"[\u4e00-\u9fd5]+", text))
    rng = random.Random(7)
    runs = [chars[i:i + rng.randint(1, 9)] for i in (rng.randrange(len(chars)) for _ in range(300))]
    runs += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 8))) for _ in range(300)]
    model = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    for run in runs:
        assert viterbi(run, *model) == jieba_viterbi(run, *model), run


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A segmenter built from scratch into an empty cache folder (the slow path, once)."""
    folder = tmp_path_factory.mktemp("segmenter")
    return folder, load_segmenter(read_resources(RESOURCES_DIR).sector_words, cache_dir=folder)


def test_a_snapshot_is_written_once_and_read_back_the_same(built):
    folder, built = built
    snapshots = list(folder.glob("segmenter-*.pickle"))
    assert len(snapshots) == 1
    loaded = load_segmenter(read_resources(RESOURCES_DIR).sector_words, cache_dir=folder)
    assert loaded.tokenizer.FREQ == built.tokenizer.FREQ
    assert loaded.pos_tokenizer.word_tag_tab == built.pos_tokenizer.word_tag_tab
    assert [tuple(p) for p in loaded.pos_tokenizer.cut(TEXT)] == [tuple(p) for p in built.pos_tokenizer.cut(TEXT)]


def test_the_sector_words_are_in_the_segmenter_with_their_tags(built):
    _, seg = built
    assert seg.pos_tokenizer.word_tag_tab["山西移动"] == "nt"
    assert seg.tokenizer.FREQ["算力"] > 0  # from the user dictionary
    assert seg.idf and seg.median_idf > 0


def test_a_damaged_snapshot_is_rebuilt(built, tmp_path):
    sector = read_resources(RESOURCES_DIR).sector_words
    (good,) = built[0].glob("segmenter-*.pickle")
    snapshot = tmp_path / good.name
    snapshot.write_bytes(b"not a pickle")
    seg = load_segmenter(sector, cache_dir=tmp_path)
    assert seg.pos_tokenizer.word_tag_tab["山西移动"] == "nt"
    assert isinstance(pickle.loads(snapshot.read_bytes()), dict)


def test_an_unwritable_cache_only_costs_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    seg = load_segmenter(read_resources(RESOURCES_DIR).sector_words, cache_dir=blocker / "cache")
    assert seg.tokenizer.FREQ["算力"] > 0


def test_a_changed_registry_gets_its_own_snapshot(tmp_path):
    res = read_resources(RESOURCES_DIR)
    other = read_resources(RESOURCES_DIR)
    object.__setattr__(other, "places", (*other.places, "新设县"))
    assert res.sector_words.fingerprint != other.sector_words.fingerprint
    seg = load_segmenter(other.sector_words, cache_dir=tmp_path)
    assert seg.pos_tokenizer.word_tag_tab["新设县"] == "ns"


def test_the_global_jieba_tags_as_before_after_extraction():
    probe = "我爱北京天安门，山西移动在太原召开会议。"
    clean = ("import jieba, logging, jieba.posseg as pg; jieba.setLogLevel(logging.WARNING)\n"
             f"print([tuple(p) for p in pg.lcut({probe!r})])\n")
    after = ("import jieba, logging; jieba.setLogLevel(logging.WARNING)\n"
             "from ccasx_analytics.extract import extract_article\n"
             "from ccasx_analytics.records import Article\n"
             "extract_article(Article(seq=0, section=None, title='t', text='山西移动召开会议。'))\n"
             "import jieba.posseg as pg\n"
             f"print([tuple(p) for p in pg.lcut({probe!r})])\n")
    expected = subprocess.run([sys.executable, "-c", clean], capture_output=True, text=True, check=True).stdout
    got = subprocess.run([sys.executable, "-c", after], capture_output=True, text=True, check=True).stdout
    assert got == expected and "('北京', 'ns')" in got


@pytest.mark.parametrize("module", ["jieba.analyse", "pkg_resources"])
def test_extraction_does_not_load_what_it_does_not_use(module):
    code = ("import sys\n"
            "from ccasx_analytics.extract import extract_article\n"
            "from ccasx_analytics.records import Article\n"
            "extract_article(Article(seq=0, section=None, title='t', text='山西移动召开会议。'))\n"
            f"print({module!r} in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_warm_process_shares_one_segmenter():
    res = load_resources()
    assert res.warm().segmenter is res.segmenter
    assert res.tokenizer is res.pos_tokenizer.tokenizer


def test_old_snapshots_are_pruned_to_the_few_most_recent(tmp_path):
    import os

    for i in range(6):
        stale = tmp_path / f"segmenter-{i:016x}.pickle"
        stale.write_bytes(b"")
        os.utime(stale, (1_000_000 + i, 1_000_000 + i))
    load_segmenter(read_resources(RESOURCES_DIR).sector_words, cache_dir=tmp_path)
    left = sorted(p.name for p in tmp_path.glob("segmenter-*.pickle"))
    assert len(left) == 4 and f"segmenter-{5:016x}.pickle" in left and f"segmenter-{0:016x}.pickle" not in left
